# Gazette developer entry points. Each target installs what is missing and builds first.
BUILD_DIR ?= build
DB ?= data/gazette.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)
# The fuzz targets' own build (clang, sanitizers) and how long `make fuzz` runs each of them.
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: deps build fuzz-build run test fuzz bench format clean

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Only the parsers, compiled again with clang, libFuzzer and the address and UB sanitizers.
fuzz-build: deps
	@cmake -S fuzz -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_C_COMPILER=clang \
	  -DCMAKE_CXX_COMPILER=clang++ >/dev/null
	@cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS)

# Fills an empty database with demo content on first start, then serves it.
run: build
	@scripts/run-demo "$(BUILD_DIR)/gazette" "$(DB)" "$(LISTEN)"

# The fuzz targets run a few seconds each after the other tests (fuzz/CMakeLists.txt).
test: build fuzz-build
	@cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
	@cd $(FUZZ_BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Each fuzz target for FUZZ_SECONDS (FUZZ_TARGETS="markdown wxr" for some only); what they find
# accumulates in $(FUZZ_BUILD_DIR)/corpus/, crashes in $(FUZZ_BUILD_DIR)/crashes/.
fuzz: fuzz-build
	@scripts/run-fuzzers $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: build
	@bench/run-all "$(BUILD_DIR)/gazette"

format:
	@find src tests bench fuzz \( -name "*.cpp" -o -name "*.h" \) -not -path "*/node_modules/*" | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR) $(FUZZ_BUILD_DIR)
