"""Every numbered notebook in JupyterLab, in a real browser: Run All, then no error output and a
rendered image in every figure cell.

JupyterLab is started on 127.0.0.1 (a random free port and token) with its root in a temporary copy
of the notebooks (so nothing it saves can touch the repository) and its figures written under a
temporary ANALYSIS_OUT; the browser is Debian's `chromium` package driven by Playwright's Python
package through `executable_path` (no browser download). `.ci/run` installs chromium where missing.

Environment: ANALYSIS_BROWSER_CORPUS=<corpus> runs the notebooks on that corpus instead of the seed
(the way a Lab user does: ANALYSIS_CORPUS in Jupyter's environment); ANALYSIS_BROWSER_SHOTS=<dir>
keeps a full-page screenshot of each notebook.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from analysis import notebooks

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]
NOTEBOOKS = notebooks.numbered_notebooks(ROOT / "notebooks")
RUN_TIMEOUT_S = float(os.environ.get("ANALYSIS_BROWSER_TIMEOUT", "600"))

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} missing: .ci/run installs Debian's chromium package")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install -y chromium)", allow_module_level=True)
from playwright.sync_api import sync_playwright  # a dev dependency (pyproject.toml)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, method: str = "GET"):
    with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10) as r:
        body = r.read()
        return json.loads(body) if body else None


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server: (base url, token, folder it serves)."""
    home = tmp_path_factory.mktemp("lab")
    served = home / "root"
    shutil.copytree(ROOT / "notebooks", served / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "mine"))
    settings = home / "settings"
    for plugin, values in {"@jupyterlab/docmanager-extension/plugin": {"autosave": False},
                           "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
                           "@jupyterlab/apputils-extension/notification": {"fetchNews": "false",
                                                                          "checkForUpdates": False}}.items():
        path = settings / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # kernels keep their inline backend
    env.update({"JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(home / "ws"),
                "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "JUPYTER_CONFIG_DIR": str(home / "config"),
                notebooks.ENV_OUT: str(home / "out")})
    if os.environ.get("ANALYSIS_BROWSER_CORPUS"):
        env[notebooks.ENV_CORPUS] = os.environ["ANALYSIS_BROWSER_CORPUS"]
    port, token = _free_port(), "browser-test-token"
    log = (home / "lab.log").open("w")  # closed when the server stops, below
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", "--allow-root", "--LabApp.extension_manager=readonly", f"--ServerApp.root_dir={served}", "--ServerApp.port_retries=0",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=served, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited: {(home / 'lab.log').read_text()[-2000:]}")
            try:
                _get(f"{base}/api/status?token={token}")
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"JupyterLab did not start: {(home / 'lab.log').read_text()[-2000:]}")
        yield base, token, served
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM),
            headless=True, args=CHROMIUM_FLAGS, viewport={"width": 1400, "height": 1000})
        try:
            yield context.new_page()
        finally:
            context.close()


def _click_menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


def _run_all(page, base: str, token: str, name: str, n_code: int) -> None:
    page.goto(f"{base}/lab/tree/notebooks/{name}?token={token}", wait_until="domcontentloaded")
    page.locator(".jp-NotebookPanel .jp-CodeCell").first.wait_for(timeout=120_000)
    # wait for the kernel, then Run > Run All Cells as a user would
    page.locator(".jp-NotebookPanel-toolbar .jp-Toolbar-kernelStatus, .jp-Notebook-ExecutionIndicator").first.wait_for(
        timeout=120_000)
    page.wait_for_function(
        "() => { const s = document.querySelector('#jp-main-statusbar');"
        " return s && /Idle/.test(s.textContent); }", timeout=180_000)
    _click_menu(page, "Run", "Run All Cells")
    # done when every cell has its execution number, or when the kernel is idle again with cells
    # left unrun (Run All stops at an error: the assertions below then name it)
    page.wait_for_function(
        """n => { const p = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];
                  const done = p.length === n && p.every(e => /\\[\\d+\\]/.test(e.textContent));
                  const running = p.some(e => /\\[\\*\\]/.test(e.textContent));
                  const s = document.querySelector('#jp-main-statusbar');
                  return done || (!running && s && /Idle/.test(s.textContent) && p.some(e => /\\[\\d+\\]/.test(e.textContent))); }""",
        arg=n_code, timeout=RUN_TIMEOUT_S * 1000)
    # images are decoded before they are looked at
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output img')]"
        ".every(i => i.complete)", timeout=60_000)


def _screenshot(page, name: str) -> None:
    """Keep a screenshot in $ANALYSIS_BROWSER_SHOTS (when set)."""
    if os.environ.get("ANALYSIS_BROWSER_SHOTS"):
        shots = Path(os.environ["ANALYSIS_BROWSER_SHOTS"])
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{name}.png"))


def _shut_down_kernels(base: str, token: str) -> None:
    for kernel in _get(f"{base}/api/kernels?token={token}") or []:
        _get(f"{base}/api/kernels/{kernel['id']}?token={token}", method="DELETE")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_in_jupyterlab_shows_every_figure_and_no_error(lab, browser_page, path):
    base, token, _ = lab
    page = browser_page
    source = nbformat.read(path, as_version=4)
    code = [c for c in source.cells if c.cell_type == "code"]
    try:
        _run_all(page, base, token, path.name, len(code))
        cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell")
        assert cells.count() == len(code)
        prompts = cells.locator(".jp-InputPrompt").all_inner_texts()
        unrun = [k for k, text in enumerate(prompts) if not any(ch.isdigit() for ch in text)]
        assert not unrun, f"{path.name}: code cells {unrun} did not run (an error stopped Run All?)"
        errors = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output"
                              "[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, f"error or warning output in {path.name}: {errors.first.inner_text()[:800]}"
        for k, cell in enumerate(code):
            n_saved = cell.source.count("figures.save(")
            images = cells.nth(k).locator(".jp-OutputArea-output img")
            widths = images.evaluate_all("imgs => imgs.map(i => i.naturalWidth)")
            if n_saved:
                assert len(widths) == n_saved and all(w > 100 for w in widths), \
                    f"{path.name}, code cell {k}: {n_saved} figure(s) saved, images shown: {widths}\n{cell.source}"
        _screenshot(page, path.stem)
        page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer").first.evaluate(
            "e => e.scrollTop = e.scrollHeight / 2")
        _screenshot(page, f"{path.stem}_middle")
    except Exception:
        _screenshot(page, f"{path.stem}_FAILED")
        raise
    finally:
        _click_menu(page, "File", "Close All Tabs")
        dialog = page.locator(".jp-Dialog-button", has_text="Discard")
        if dialog.count():
            dialog.first.click()
        _shut_down_kernels(base, token)
