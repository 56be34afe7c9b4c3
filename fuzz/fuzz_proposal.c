/*
** fuzz_proposal.c — fuzz target for reading proposals: the extraction format as a
** document (proposal_split_doc) and as single events and appeals (proposal_parse); what
** is accepted must hold sound values.
*/
#include "records.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check_item(const char *type, const char *item, void *ctx)
{
	(void)ctx;
	ProposalRec p;
	Blob err = BLOB_INIT;
	/* split_doc only passes items that parse */
	if (proposal_parse(item, strlen(item), strcmp(type, "appeal") == 0, &p, &err) != 0)
		__builtin_trap();
	proposal_rec_free(&p);
	blob_free(&err);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	Blob err = BLOB_INIT;
	proposal_split_doc(s, size, check_item, NULL, &err);
	for (int appeal = 0; appeal < 2; appeal++) {
		ProposalRec p;
		blob_reset(&err);
		if (proposal_parse(s, size, appeal, &p, &err) == 0) {
			if (!appeal && (!kind_valid(p.kind) || !p.status))
				__builtin_trap();
			if (p.date_start && !iso_date_valid(p.date_start))
				__builtin_trap();
			if (p.killed.set && (p.killed.min < 0 || (p.killed.max >= 0 && p.killed.max < p.killed.min)))
				__builtin_trap();
			for (size_t i = 0; i < p.nevidence; i++)
				if (!p.evidence[i].quote || (p.evidence[i].start >= 0 && p.evidence[i].end < p.evidence[i].start))
					__builtin_trap();
			proposal_rec_free(&p);
		} else if (!err.len)
			__builtin_trap();
	}
	blob_free(&err);
	return 0;
}
