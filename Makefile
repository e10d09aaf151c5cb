# Gazette developer entry points. Each target installs what is missing and builds first.
BUILD_DIR ?= build
DB ?= data/gazette.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: deps build run test bench format clean

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Fills an empty database with demo content on first start, then serves it.
run: build
	@scripts/run-demo "$(BUILD_DIR)/gazette" "$(DB)" "$(LISTEN)"

test: build
	@cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bench/run-all "$(BUILD_DIR)/gazette"

format:
	@find src tests bench \( -name "*.cpp" -o -name "*.h" \) -not -path "*/node_modules/*" | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR)
