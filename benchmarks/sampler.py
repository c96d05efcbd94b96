"""A sampling profiler that attributes the main thread's time to eventwire stages and modules.

Every few milliseconds it looks at the main thread's stack: time under `Pipeline._parse`
is the spaCy parse, under `Pipeline._plan` the sentence split and candidate filter, and
time under `Pipeline._code_one` goes to the innermost eventwire module on the stack
(events/..., actors/..., places/..., dates), so library calls count for their caller.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "eventwire"
STAGE_FUNCTIONS = {"_parse": "spaCy parse", "_plan": "split + candidate filter"}


class StackSampler:
    def __init__(self, interval: float = 0.002):
        self.interval = interval
        self.counts: Counter[str] = Counter()  # seconds per label
        self._target = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> StackSampler:
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(self.interval / 2)  # let the sampler in more often than the default 5 ms
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        sys.setswitchinterval(self._switch_interval)

    def shares(self, prefix: str = "") -> dict[str, float]:
        """Share of the sampled time per label, among the labels that start with `prefix`."""
        counts = {label: c for label, c in self.counts.most_common() if label.startswith(prefix)}
        total = sum(counts.values()) or 1
        return {label.removeprefix(prefix): c / total for label, c in counts.items()}

    def _run(self) -> None:
        # A sample waits for the GIL, longer while Python code runs than while spaCy's C code (which
        # releases it) does, so each sample counts for the time since the previous one.
        previous = time.perf_counter()
        while not self._stop.is_set():
            frame = sys._current_frames().get(self._target)
            now = time.perf_counter()
            if frame is not None:
                self.counts[self._label(frame)] += now - previous
            previous = now
            time.sleep(self.interval)

    @staticmethod
    def _label(frame) -> str:
        innermost_module = None
        while frame is not None:
            path = Path(frame.f_code.co_filename)
            if path.is_relative_to(PACKAGE):
                module = path.relative_to(PACKAGE).with_suffix("").as_posix()
                if module == "pipeline" and frame.f_code.co_name in STAGE_FUNCTIONS:
                    return STAGE_FUNCTIONS[frame.f_code.co_name]
                if module == "pipeline" and frame.f_code.co_name == "_code_one":
                    return f"coding: {innermost_module or 'pipeline'}"
                innermost_module = innermost_module or module
            frame = frame.f_back
        return "other"
