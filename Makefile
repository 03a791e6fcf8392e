# nnlearn: `make run` starts the REPL, `make test` builds and runs every test.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PREFIX ?= /usr/local
export PREFIX DESTDIR

.PHONY: run test build release install uninstall manual-tool deps test-python replay bench clean

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

test: deps manual-tool test-python release
	$(SWIFT) build --build-tests
	@# The release binary also runs every lesson as a notebook under nbclient (JupyterKernelTests).
	NNLEARN_REQUIRE_MANUAL=1 NNLEARN_TEST_PYTHON=$(CURDIR)/$(VENV)/bin/python \
		NNLEARN_RELEASE_BINARY=$(CURDIR)/.build/release/nnlearn $(SWIFT) test
	@# Every lesson must still print exactly what it records (see docs/lesson-format.md);
	@# the release binary replays the course in seconds where the debug build takes minutes.
	@if ls lessons/*.md >/dev/null 2>&1; then \
		.build/release/nnlearn replay --quiet lessons/*.md; \
	else \
		echo "No lessons to replay (lessons/*.md)."; \
	fi

# NumPy, pandas and safetensors (nnlearn's files) and jupyter_client, jupyter_kernel_test, nbclient and nbformat
# (the Jupyter kernel), pinned, in a virtual environment.
VENV := .build/venv
test-python: $(VENV)/.installed
$(VENV)/.installed: scripts/test-requirements.txt
	python3 -m venv $(VENV) || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r scripts/test-requirements.txt
	touch $@

# The system libraries: libedit (line editing, the CEditLine target), zlib (the .npz archives)
# and ZeroMQ (the Jupyter kernel, the CZeroMQ target).
deps:
	@if [ ! -f /usr/include/histedit.h ] || [ ! -f /usr/include/zlib.h ] || [ ! -f /usr/include/zmq.h ]; then \
		echo "Installing libedit-dev, zlib1g-dev and libzmq3-dev..."; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev zlib1g-dev libzmq3-dev; \
	fi

clean:
	rm -rf .build
