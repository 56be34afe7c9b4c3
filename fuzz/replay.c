/*
** replay.c — a main() for fuzz targets without libFuzzer: feeds every file named on the
** command line (or found in a named directory) to LLVMFuzzerTestOneInput once.
** `make test` uses it to replay the fuzz corpora; a crash fails the run.
*/
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 1;
	}
	size_t cap = 1 << 16, n = 0, k;
	uint8_t *buf = malloc(cap);
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		return 1;
	/* an exact-size copy, so reads past the end are caught by ASan */
	uint8_t *exact = malloc(n ? n : 1);
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int replay(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(sb.st_mode))
		return replay_file(path);
	DIR *d = opendir(path);
	if (!d)
		return 1;
	struct dirent *e;
	int bad = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char p[4096];
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		bad |= replay(p);
	}
	closedir(d);
	return bad;
}

int main(int argc, char **argv)
{
	int bad = 0;
	for (int i = 1; i < argc; i++)
		bad |= replay(argv[i]);
	return bad;
}
