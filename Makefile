# Oversight's front door. On a fresh Debian 12 machine:
#   make run    install what is missing, build, load the demo city, serve it on :8080
#   make test   every test: unit, integration, web and browser, fuzz smoke
.PHONY: all deps build build-debug build-web run test test-web bench fuzz clean

DB ?= oversight.db
JOBS ?= $(shell nproc)

all: build

deps:
	@scripts/install-deps

build: deps build-web
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

build-web: deps
	@scripts/build-web

build-debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

run: build
	@scripts/run-demo "$(DB)"

test: build-debug build-web
	@ctest --preset debug
	@scripts/test-web
	@scripts/fuzz-smoke

# Only the web app's tests (unit and browser), against the debug build.
test-web: build-debug build-web
	@scripts/test-web

bench: build
	@scripts/bench

fuzz: deps
	@FUZZ_SECONDS=$${FUZZ_SECONDS:-60} scripts/fuzz-smoke

clean:
	rm -rf build web/dist web/test-results

# HTTP figures of `oversight serve` with wrk (docs/PERFORMANCE.md, "HTTP server").
# BENCH_HTTP_ARGS passes options, e.g. BENCH_HTTP_ARGS="--duration 60" for a shorter memory run.
.PHONY: bench-http
bench-http: build
	@scripts/bench-http $(BENCH_HTTP_ARGS)
