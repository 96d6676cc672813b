# ContactCenter developer commands. See README.md.
CONFIGURATION ?= Debug
DOTNET ?= dotnet
ARGS ?=
SOLUTION := ContactCenter.sln
# Every tests/**/*Tests.csproj (unit, interop, ...) except the hardware layer, which boots a VM with the kernel's
# gpio-sim (`make test-hardware`); the benchmarks are `make bench`, never part of `make test`.
TEST_PROJECTS := $(shell find tests -name '*Tests.csproj' -not -path '*/bin/*' -not -path '*/obj/*' -not -path 'tests/hardware/*' | sort)
HARDWARE_TEST_PROJECTS := $(shell find tests/hardware -name '*Tests.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: run build test test-hardware bench bench-dotnet bench-media bench-panel bench-sip image clean

## run: build and start the appliance (pass options with ARGS="--sip-port 5070 --data ./data")
run:
	$(DOTNET) run --project firmware/ContactCenter.Firmware -c $(CONFIGURATION) -- $(ARGS)

## build: build the whole solution
build:
	$(DOTNET) build $(SOLUTION) -c $(CONFIGURATION) -nologo

## test: build, run every test project, print per-project counts and "N passed, M failed"
test: build
	@tests/run-tests.sh $(CONFIGURATION) $(TEST_PROJECTS)

## test-hardware: the GPIO backend against the kernel's gpio-sim in a QEMU VM (root; ../shared/tools/gpio-vm, see README.md)
test-hardware: build
	@tests/run-tests.sh $(CONFIGURATION) $(HARDWARE_TEST_PROJECTS)

## bench: the BenchmarkDotNet suites, the media stream run, then the sipp suite against the appliance and Kamailio + rtpengine
bench: bench-dotnet bench-media bench-panel bench-sip

## bench-dotnet: only the BenchmarkDotNet suites (SIP parsing; media codecs, resampler, mixer, DTMF detector), in Release
bench-dotnet:
	$(DOTNET) run --project tests/bench/ContactCenter.Sip.Benchmarks -c Release -- --filter '*'
	$(DOTNET) run --project tests/bench/ContactCenter.Media.Benchmarks -c Release -- --filter '*'

## bench-media: generated streams on the real media clock to a receiver process over loopback (issue #4 §8), per codec
## and stream count: send-interval spread, CPU per stream, allocations per packet. Settings (make or environment):
MEDIA_CODECS ?= pcmu g722
MEDIA_STREAMS ?= 200
MEDIA_SECONDS ?= 60
MEDIA_WARMUP ?= 10
bench-media:
	$(DOTNET) build tests/bench/ContactCenter.Media.StreamBench -c Release -nologo -v quiet
	@for codec in $(MEDIA_CODECS); do for streams in $(MEDIA_STREAMS); do \
	  $(DOTNET) run --no-build --project tests/bench/ContactCenter.Media.StreamBench -c Release -- \
	    --codec $$codec --streams $$streams --seconds $(MEDIA_SECONDS) --warmup $(MEDIA_WARMUP) || exit 1; \
	done; done

## bench-panel: issue #5 §6, the appliance in-process with 50 watchers (another process) and 20 concurrent calls:
## presence change -> NOTIFY at the watchers' sockets and -> busy lamp on the simulated panel; debounced key press ->
## its first SIP message. Twice: every call of a round starting at once (the worst burst), then starts spread over 1 s.
PANEL_WATCHERS ?= 50
PANEL_CALLS ?= 20
PANEL_ROUNDS ?= 10
PANEL_PRESSES ?= 50
bench-panel:
	$(DOTNET) build tests/bench/ContactCenter.Panel.LatencyBench -c Release -nologo -v quiet
	$(DOTNET) run --no-build --project tests/bench/ContactCenter.Panel.LatencyBench -c Release -- \
	  --watchers $(PANEL_WATCHERS) --calls $(PANEL_CALLS) --rounds $(PANEL_ROUNDS) --presses $(PANEL_PRESSES)
	$(DOTNET) run --no-build --project tests/bench/ContactCenter.Panel.LatencyBench -c Release -- \
	  --watchers $(PANEL_WATCHERS) --calls $(PANEL_CALLS) --rounds $(PANEL_ROUNDS) --presses $(PANEL_PRESSES) \
	  --stagger-ms 1000 --hold-ms 2500

## bench-sip: only the sipp suite (root; settings such as STEPS, SIDES, DUR, REPS in tests/bench/sip/run.sh)
bench-sip:
	tests/bench/sip/run.sh

## image: the trimmed, self-contained appliance image (not there yet)
image:
	@echo "make image: the appliance image (image-build/) comes with a later issue; nothing was built" >&2
	@exit 1

## clean: remove build output and test results (never ./data)
clean:
	$(DOTNET) clean $(SOLUTION) -c $(CONFIGURATION) -nologo -v quiet
	rm -rf artifacts
	find firmware tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
