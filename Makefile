# Shortcuts for people who have make; each delegates to scripts/dev.py (Python only).
PY ?= python3
.PHONY: demo test bench clean
demo: ; $(PY) scripts/dev.py demo
test: ; $(PY) scripts/dev.py test
bench: ; $(PY) scripts/dev.py bench
clean: ; rm -rf .venv .pytest_cache .mypy_cache .ruff_cache
