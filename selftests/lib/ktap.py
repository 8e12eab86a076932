# SPDX-License-Identifier: GPL-2.0
"""TAP lines for the Python parts of the shell selftests (see ktap.sh)."""


class Tap:
    """tap(ok, name, why): print test n+1's line; why explains a failure."""

    def __init__(self, done=0, why_max=40):
        self.n = done
        self.bad = 0
        self.why_max = why_max

    def __call__(self, ok, name, why=()):
        self.n += 1
        print(("ok %d %s" if ok else "not ok %d %s") % (self.n, name))
        if not ok:
            self.bad += 1
            for w in list(why)[:self.why_max]:
                print("#   " + str(w))

    def status(self):
        return 1 if self.bad else 0
