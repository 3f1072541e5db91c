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
import urllib.error
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
RUN_TIMEOUT_S = float(os.environ.get("ANALYSIS_BROWSER_TIMEOUT", "600"))   # one notebook's Run All

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
def browser(tmp_path_factory):
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM),
            headless=True, args=CHROMIUM_FLAGS, viewport={"width": 1400, "height": 1000})
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def browser_page(browser, lab):
    """A new tab per notebook, closed without running the page's unload handlers (no "leave page?"
    prompt), with every kernel shut down after it: one notebook's trouble never reaches the next."""
    base, token, _ = lab
    page = browser.new_page()
    try:
        yield page
    finally:
        page.close(run_before_unload=False)
        _shut_down_kernels(base, token)


def _click_menu(page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


VISIBLE = ".jp-NotebookPanel:not(.lm-mod-hidden)"
PROMPTS_JS = f"() => [...document.querySelectorAll('{VISIBLE} .jp-CodeCell .jp-InputPrompt')].map(e => e.textContent)"


def _kernel_states(base: str, token: str) -> list[str]:
    """The server's kernels' states; `server error` while its kernel listing answers 5xx (it did so once as a
    kernel started, under load: the waits that poll this keep polling within their own time limit)."""
    try:
        kernels = _get(f"{base}/api/kernels?token={token}") or []
    except urllib.error.HTTPError as err:
        if err.code < 500:
            raise
        return ["server error"]
    return [k.get("execution_state", "?") for k in kernels]


def _wait_until(condition, seconds: float, what: str, diagnose) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not done after {seconds:g} s\n{diagnose()}")
        time.sleep(0.5)


def _run_all(page, base: str, token: str, name: str, n_code: int, diagnose) -> None:
    # ?reset: a fresh workspace, so no tab of an earlier notebook is restored beside this one
    page.goto(f"{base}/lab/tree/notebooks/{name}?reset&token={token}", wait_until="domcontentloaded")
    page.locator(f"{VISIBLE} .jp-CodeCell").first.wait_for(timeout=120_000)
    _wait_until(lambda: _kernel_states(base, token) == ["idle"], 180, f"{name}: kernel start", diagnose)
    # Run > Run All Cells, as a user would; clicked again if the command was not yet enabled for
    # this notebook (the menu can be drawn before the notebook is the current widget)
    for _attempt in range(4):
        page.locator(f"{VISIBLE} .jp-Notebook").first.click(position={"x": 5, "y": 5})
        _click_menu(page, "Run", "Run All Cells")
        try:
            _wait_until(lambda: any(p.strip() not in ("[ ]:", "[ ]") for p in page.evaluate(PROMPTS_JS)),
                        20, f"{name}: Run All started", diagnose)
            break
        except TimeoutError:
            page.keyboard.press("Escape")
    # done when every cell has its execution number, or when the kernel is idle again with cells
    # left unrun (Run All stops at an error: the assertions below then name it)
    def finished() -> bool:
        prompts = page.evaluate(PROMPTS_JS)
        numbered = [any(ch.isdigit() for ch in text) for text in prompts]
        running = any("*" in text for text in prompts)
        if len(prompts) == n_code and all(numbered):
            return True
        return not running and any(numbered) and _kernel_states(base, token) == ["idle"]

    _wait_until(finished, RUN_TIMEOUT_S, f"{name}: Run All", diagnose)
    # images are decoded before they are looked at
    page.wait_for_function(
        f"() => [...document.querySelectorAll('{VISIBLE} .jp-OutputArea-output img')].every(i => i.complete)",
        timeout=60_000)


def _screenshot(page, name: str) -> None:
    """Keep a screenshot in $ANALYSIS_BROWSER_SHOTS (when set)."""
    if os.environ.get("ANALYSIS_BROWSER_SHOTS"):
        shots = Path(os.environ["ANALYSIS_BROWSER_SHOTS"])
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{name}.png"))


def _shut_down_kernels(base: str, token: str) -> None:
    for kernel in _get(f"{base}/api/kernels?token={token}") or []:
        _get(f"{base}/api/kernels/{kernel['id']}?token={token}", method="DELETE")


def _diagnosis(page, base: str, token: str, log: Path):
    """What the page and the server show when a wait runs out (for the CI log)."""
    def describe() -> str:
        parts = []
        for label, get in [("kernels", lambda: _kernel_states(base, token)),
                           ("prompts", lambda: page.evaluate(PROMPTS_JS)),
                           ("status bar", lambda: page.locator("#jp-main-statusbar").inner_text(timeout=2000)),
                           ("dialogs", lambda: page.locator(".jp-Dialog").all_inner_texts()),
                           ("tabs", lambda: page.locator(".lm-DockPanel-tabBar .lm-TabBar-tabLabel").all_inner_texts())]:
            try:
                parts.append(f"{label}: {get()!r}"[:1500])
            except Exception as exc:  # noqa: BLE001 - a diagnosis never hides the failure
                parts.append(f"{label}: ({type(exc).__name__}: {exc})"[:300])
        parts.append("JupyterLab log (end):\n" + log.read_text(errors="replace")[-3000:])
        return "\n".join(parts)
    return describe


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_in_jupyterlab_shows_every_figure_and_no_error(lab, browser_page, path):
    base, token, served = lab
    page = browser_page
    source = nbformat.read(path, as_version=4)
    code = [c for c in source.cells if c.cell_type == "code"]
    try:
        _run_all(page, base, token, path.name, len(code), _diagnosis(page, base, token, served.parent / "lab.log"))
        cells = page.locator(f"{VISIBLE} .jp-CodeCell")
        assert cells.count() == len(code)
        prompts = cells.locator(".jp-InputPrompt").all_inner_texts()
        unrun = [k for k, text in enumerate(prompts) if not any(ch.isdigit() for ch in text)]
        assert not unrun, f"{path.name}: code cells {unrun} did not run (an error stopped Run All?)"
        errors = page.locator(f"{VISIBLE} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        assert errors.count() == 0, f"error or warning output in {path.name}: {errors.first.inner_text()[:800]}"
        for k, cell in enumerate(code):
            n_saved = cell.source.count("figures.save(")
            images = cells.nth(k).locator(".jp-OutputArea-output img")
            widths = images.evaluate_all("imgs => imgs.map(i => i.naturalWidth)")
            if n_saved:
                assert len(widths) == n_saved and all(w > 100 for w in widths), \
                    f"{path.name}, code cell {k}: {n_saved} figure(s) saved, images shown: {widths}\n{cell.source}"
        _screenshot(page, path.stem)
        page.locator(f"{VISIBLE} .jp-WindowedPanel-outer").first.evaluate("e => e.scrollTop = e.scrollHeight / 2")
        _screenshot(page, f"{path.stem}_middle")
    except Exception:
        _screenshot(page, f"{path.stem}_FAILED")
        raise
