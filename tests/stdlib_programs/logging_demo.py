# logging: basicConfig to stderr with a fixed format, levels, named loggers, handlers, exceptions.
import logging
import sys

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s", stream=sys.stderr)
log = logging.getLogger("app")
log.debug("hidden")
log.info("starting %s v%d", "pyc", 3)
log.warning("disk at %.0f%%", 93.5)
db = logging.getLogger("app.db")
db.setLevel(logging.DEBUG)
db.debug("query took %d ms", 12)
print(db.getEffectiveLevel(), log.getEffectiveLevel(), db.parent is log, logging.getLevelName(30), logging.getLevelName("ERROR"))

out = logging.StreamHandler(sys.stdout)
# No funcName/lineno in the format: pyc has no frame f_back yet (logging.findCaller).
out.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s %(message)s"))
out.setLevel(logging.ERROR)
log.addHandler(out)


def risky():
    return int("x")


try:
    risky()
except ValueError:
    log.exception("failed to compute")
log.error("plain error")
log.removeHandler(out)


class Only(logging.Filter):
    def filter(self, record):
        return "keep" in record.getMessage()


quiet = logging.getLogger("quiet")
quiet.propagate = False
h = logging.StreamHandler(sys.stdout)
h.addFilter(Only())
h.setFormatter(logging.Formatter("%(message)s|%(levelno)s"))
quiet.addHandler(h)
quiet.warning("keep this")
quiet.warning("drop this")
logging.getLogger().critical("root critical")
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
adapter = logging.LoggerAdapter(log, {"user": "ann"})
adapter.warning("via adapter")
print(logging.root.handlers[0].level, isinstance(logging.root.handlers[0], logging.StreamHandler))
