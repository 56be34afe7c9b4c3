# Makefile — builds vigil and runs its tests, benchmarks, fuzzers and demo.
#
#   make            the binary ./vigil
#   make demo       dependencies, build, the demo database, then the main job
#   make test       dependencies, build, every test (unit, end-to-end, fuzz replay, corpus)
#   make bench      throughput, latency and memory figures (never pass/fail)
#   make asan       the whole test suite under AddressSanitizer and UBSan
#   make fuzz       libFuzzer targets, each run for FUZZ_SECONDS
#
# Every src/*.c is part of the program; every tests/unit/test_*.c is a cmocka test
# binary; every fuzz/fuzz_*.c is a fuzz target. New files need no change here.

CC      ?= cc
PKGS    := libsodium gumbo libpcre2-8 libutf8proc jansson libdeflate
# Headers only: vigil loads these with dlopen when a command first needs them (src/lazy.h)
LAZY_PKGS := sqlite3 nettle libmicrohttpd gmime-3.0 libarchive libcurl
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wno-missing-field-initializers
DEFS    := -D_GNU_SOURCE -DVIGIL_BUILD_DATADIR='"$(CURDIR)/data"'
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(LAZY_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(WARN) $(DEFS) $(PKG_CFLAGS) $(CFLAGS) $(SAN)
LIBS    = $(PKG_LIBS) -lm

B       ?= build
BIN     ?= vigil
SRC     := $(wildcard src/*.c)
OBJ     = $(SRC:src/%.c=$(B)/%.o)
LIBOBJ  = $(filter-out $(B)/main.o,$(OBJ))
LIBA    = $(B)/libvigil.a
UNIT    := $(wildcard tests/unit/test_*.c)
UNITBIN = $(UNIT:tests/unit/%.c=$(B)/tests/%)
FUZZSRC := $(wildcard fuzz/fuzz_*.c)
SHARED  := ../shared

.PHONY: all deps demo demo-run bench-run fuzz-run test check unit e2e fuzz-replay corpus bench asan fuzz clean
.DEFAULT_GOAL := all

all: $(BIN)

deps:
	@./deps.sh

$(BIN): $(OBJ)
	@echo "LD $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(LIBS)

$(B)/%.o: src/%.c $(wildcard src/*.h) | $(B)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -Isrc -c -o $@ $<

# Tests and fuzz targets link the program's objects from an archive, so each takes
# only the parts it uses.
$(LIBA): $(LIBOBJ)
	@rm -f $@
	@ar rcs $@ $(LIBOBJ)

$(B) $(B)/tests $(B)/fuzz:
	mkdir -p $@

$(B)/tests/%: tests/unit/%.c $(LIBA) tests/unit/testing.h | $(B)/tests
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -Isrc -Itests/unit -o $@ $< $(LIBA) $(LIBS) -lcmocka

# Fuzz targets replayed over their corpora by a plain main() (no libFuzzer needed).
$(B)/fuzz/%: fuzz/%.c fuzz/replay.c $(wildcard fuzz/*.h) $(LIBA) | $(B)/fuzz
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -Isrc -o $@ $< fuzz/replay.c $(LIBA) $(LIBS)

# The demo database is rebuilt from demo/reports and the hand-coded records of demo/records
# every time (demo/load.sh; the scenario is in demo/README.md), then the main job runs on it.
# Targets that install dependencies first run make again afterwards: the pkg-config flags
# above are read when make starts, before deps.sh has installed the libraries.
demo: deps
	@$(MAKE) --no-print-directory demo-run

# It ends with the web interface on demo.db (DEMO_LISTEN, or a free port when that one is
# taken; Ctrl-C stops it); DEMO_SERVE=0 stops after the listings instead.
DEMO_LISTEN ?= 127.0.0.1:8080
DEMO_SERVE ?= 1
demo-run: all
	demo/load.sh ./$(BIN) demo.db
	./$(BIN) -d demo.db reports
	./$(BIN) -d demo.db incidents
	./$(BIN) -d demo.db threats
	./$(BIN) -d demo.db appeals
	./$(BIN) -d demo.db population
	./$(BIN) -d demo.db verify
	@if [ "$(DEMO_SERVE)" = 1 ]; then \
		echo; \
		echo "demo: the web interface on demo.db: anyone may read; sign in as editor"; \
		echo "demo: (password vigil-demo-editor) to review and add reports, or as admin"; \
		echo "demo: (password vigil-demo-admin). Ctrl-C stops the server."; \
		./$(BIN) -d demo.db serve --public --listen $(DEMO_LISTEN) || \
		./$(BIN) -d demo.db serve --public --listen 127.0.0.1:0; \
	fi

test: deps
	@$(MAKE) --no-print-directory all check

# The suite without the dependency step (CI and asan call this after building).
check: unit e2e fuzz-replay corpus

unit: $(UNITBIN)
	@tests/run-unit.sh $(UNITBIN)

e2e: $(BIN)
	@VIGIL=$(CURDIR)/$(BIN) SHARED=$(abspath $(SHARED)) tests/run-e2e.sh

fuzz-replay: $(FUZZSRC:fuzz/%.c=$(B)/fuzz/%)
	@tests/run-fuzz-replay.sh $(B)/fuzz

corpus: $(BIN)
	@VIGIL=$(CURDIR)/$(BIN) SHARED=$(abspath $(SHARED)) tests/run-corpus.sh

bench: deps
	@$(MAKE) --no-print-directory bench-run

bench-run: all
	@VIGIL=$(CURDIR)/$(BIN) SHARED=$(abspath $(SHARED)) bench/run.sh

asan: deps
	@$(MAKE) --no-print-directory B=build-asan BIN=build-asan/vigil OPT=-O1 \
		SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
		build-asan/vigil check

# libFuzzer (clang) builds of every target, each run FUZZ_SECONDS on its corpus. New
# inputs it finds go to build-fuzz/corpus-NAME (copy the telling ones into fuzz/corpus).
FUZZ_SECONDS ?= 60
fuzz: deps
	@$(MAKE) --no-print-directory fuzz-run

fuzz-run:
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang OPT=-O1 \
		SAN='-fsanitize=fuzzer-no-link,address,undefined' build-fuzz/libvigil.a
	@for f in $(FUZZSRC); do \
		n=$$(basename $$f .c); \
		clang $(WARN) $(DEFS) $(PKG_CFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined \
			-Isrc -o build-fuzz/$$n $$f build-fuzz/libvigil.a $(LIBS) || exit 1; \
		mkdir -p build-fuzz/corpus-$$n; \
		echo "== $$n ($(FUZZ_SECONDS)s)"; \
		build-fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
			build-fuzz/corpus-$$n fuzz/corpus/$$n || exit 1; \
	done

clean:
	rm -rf build build-asan build-fuzz $(BIN) demo.db demo.db-wal demo.db-shm
