# Oversight's front door. On a fresh Debian 12 machine:
#   make run    install what is missing, build, load the demo city, show it
#   make test   every test: unit, integration, fuzz smoke
.PHONY: all deps build build-debug run test bench fuzz clean

DB ?= oversight.db
JOBS ?= $(shell nproc)

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

build-debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

run: build
	@scripts/run-demo "$(DB)"

test: build-debug
	@ctest --preset debug
	@scripts/fuzz-smoke

bench: build
	@scripts/bench

fuzz: deps
	@FUZZ_SECONDS=$${FUZZ_SECONDS:-60} scripts/fuzz-smoke

clean:
	rm -rf build

# HTTP figures of `oversight serve` with wrk (docs/PERFORMANCE.md, "HTTP server").
# BENCH_HTTP_ARGS passes options, e.g. BENCH_HTTP_ARGS="--duration 60" for a shorter memory run.
.PHONY: bench-http
bench-http: build
	@scripts/bench-http $(BENCH_HTTP_ARGS)
