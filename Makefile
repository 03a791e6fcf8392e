# nnlearn: `make run` starts the REPL, `make test` builds and runs every test.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PREFIX ?= /usr/local
export PREFIX DESTDIR

.PHONY: run test build release install uninstall manual-tool deps replay bench clean

run: release
	.build/release/nnlearn

release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product nnlearn

# Installs under $(DESTDIR)$(PREFIX): the binary, lessons and data, the man page, completions.
install: release manual-tool
	scripts/install .build/release/nnlearn .build/debug/generate-manual

uninstall:
	scripts/install --uninstall

# swift-argument-parser's man page generator, run on the built binary by scripts/install.
manual-tool:
	$(SWIFT) build --product generate-manual

build: deps
	$(SWIFT) build

test: deps manual-tool
	$(SWIFT) build --build-tests
	NNLEARN_REQUIRE_MANUAL=1 $(SWIFT) test
	@# Every lesson must still print exactly what it records (see docs/lesson-format.md).
	@if ls lessons/*.md >/dev/null 2>&1; then \
		.build/debug/nnlearn replay --quiet lessons/*.md; \
	else \
		echo "No lessons to replay (lessons/*.md)."; \
	fi

# libedit's headers are the one system dependency (the CEditLine target links -ledit).
deps:
	@if [ ! -f /usr/include/histedit.h ]; then \
		echo "Installing libedit-dev (line editing for the REPL)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev; \
	fi

clean:
	rm -rf .build
