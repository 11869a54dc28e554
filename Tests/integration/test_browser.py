"""JupyterLab 4 with the Finch kernel, as a user sees it in a browser (headless Chromium via selenium).

One JupyterLab server runs on a free localhost port with a token, in a temporary root folder, with
its own settings (no news, no update checks, no windowing, so every cell is in the page), workspaces
and data folder (so no notebook is trusted). Each test opens a notebook in a fresh browser and shows:

- an untrusted committed notebook renders every plot its file holds, and no plot hides in HTML;
- a training cell shows live progress and ends with the finished bar, the run's table and its plot;
- Tab after `method:` lists the kernel's training methods in the completer;
- the editor highlights Finch code in the kernel's CodeMirror mode: comments, strings, numbers
  and keywords each get their own class and color.

A failing wait or check saves a screenshot and quotes the page's text.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import KERNEL_NAME, ROOT

# Selenium Manager is never run (the driver path is given); should it be, it sends no usage statistics.
os.environ["SE_AVOID_STATS"] = "true"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
TOKEN = "finch-browser-test"
TIMEOUT = 30
COMMITTED = sorted((ROOT / "notebooks").glob("*.ipynb"))
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}
SETUP = """seed 1
spirals = dataset "spirals"
fit, held = split spirals [80, 20] stratify: true
model net {
  input features: 2
  dense 32 activation: tanh
  dense 32 activation: tanh
  classify classes: 3
}"""
# 45,000 steps, a second or more: the kernel updates its progress bar every quarter second.
TRAINING = "first = finetune net on fit method: full epochs: 1500 lr: 1e-2 validate: held"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_settings(folder):
    """JupyterLab user settings that keep pop-ups away and put every cell in the page."""
    for plugin, values in LAB_SETTINGS.items():
        path = folder / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def wait_until_serving(server, url, log):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        assert server.poll() is None, f"JupyterLab exited:\n{log.read_text()}"
        try:
            with urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"JupyterLab did not answer on {url} within {TIMEOUT}s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """(url, root folder) of a JupyterLab server in the test venv, isolated from the user's Jupyter."""
    home = tmp_path_factory.mktemp("lab")
    root = home / "root"
    root.mkdir()
    write_settings(home / "settings")
    environment = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
                       JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), JUPYTER_DATA_DIR=str(home / "data"),
                       JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = home / "lab.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--ServerApp.open_browser=False", "--ServerApp.ip=127.0.0.1",
             f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={TOKEN}",
             f"--ServerApp.root_dir={root}", "--ServerApp.allow_root=True", "--LabApp.news_url=None",
             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
            env=environment, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_serving(server, url, log)
        yield url, root
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# The status bar reads "No Kernel | Initializing" until the notebook has loaded, then
# "Finch | Connecting" and so on, up to "Finch | Idle" once the kernel answered.
KERNEL_IDLE = """return [...document.querySelectorAll('.jp-StatusBar-TextItem')]
    .some(item => / \\| Idle$/.test(item.textContent) && !item.textContent.startsWith('No Kernel'))"""


class Page:
    """A headless Chromium on the lab, with waits and checks that explain themselves when they fail."""

    def __init__(self, lab, reports):
        self.url, self.root = lab
        self.reports = reports
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1400,1000"):
            options.add_argument(argument)
        # A driver path given to Service keeps Selenium Manager (and its downloads) out of it.
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)

    def report(self):
        """Saves a screenshot and returns its path with the page's text, for a failure message."""
        path = self.reports / f"failure-{time.monotonic_ns()}.png"
        self.driver.save_screenshot(str(path))
        text = self.js("return (document.querySelector('.jp-NotebookPanel') || document.body).innerText")
        return f"screenshot: {path}\npage text:\n{text[-3000:]}"

    def until(self, what, condition, timeout=TIMEOUT):
        """The first truthy value of `condition()`, or a failure naming `what`."""
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(lambda _: condition())
        except TimeoutException:
            pytest.fail(f"waited {timeout}s for {what}\n{self.report()}")

    def js(self, script, *arguments):
        return self.driver.execute_script(script, *arguments)

    def open(self, name):
        """Opens notebook `name` of the lab's root and waits for its cells and an idle kernel."""
        cells = len(nbformat.read(self.root / name, as_version=4).cells)
        self.driver.get(f"{self.url}/lab/tree/{name}?token={TOKEN}&reset")
        self.until(f"{cells} cells of {name}",
                   lambda: len(self.driver.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-Cell")) == cells)
        self.until("an idle kernel in the status bar", lambda: self.js(KERNEL_IDLE))

    def cell(self, index):
        return self.driver.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-Cell")[index]

    def prompt(self, index):
        return self.cell(index).find_element(By.CSS_SELECTOR, ".jp-InputPrompt").text

    def images_loaded(self):
        self.until("the notebook's images to load", lambda: self.js(
            "return [...document.querySelectorAll('.jp-Notebook img')].every(image => image.complete)"))

    def type_into(self, index, *keys):
        """Types `keys` into the editor of cell `index`, as a user would."""
        self.cell(index).find_element(By.CSS_SELECTOR, ".cm-content").send_keys(*keys)


@pytest.fixture
def page(lab, tmp_path):
    browser = Page(lab, tmp_path)
    yield browser
    browser.driver.quit()


def finch_notebook(path, *sources):
    """Writes a notebook of code cells `sources` for the Finch kernel, with no outputs."""
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Finch", "language": "finch"}
    book.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(book, path)
    return path.name


def outputs(path):
    """(cell index, output) for every output of the notebook at `path`."""
    book = nbformat.read(path, as_version=4)
    return [(index, output) for index, cell in enumerate(book.cells) for output in cell.get("outputs", [])]


@pytest.mark.parametrize("notebook", COMMITTED, ids=lambda path: path.name)
def test_no_committed_plot_hides_inside_html(notebook):
    # JupyterLab's sanitizer strips inline <svg> from the HTML of an untrusted notebook.
    cells = [index for index, output in outputs(notebook) if "<svg" in output.get("data", {}).get("text/html", "")]
    assert cells == [], f"text/html outputs with an inline <svg> in cells {cells}"


# The counts are per output: one output holding an image (image/svg+xml, image/png…) is one plot.
PAGE_PLOTS = """return [...document.querySelectorAll('.jp-Notebook .jp-OutputArea-output')].filter(output =>
    [...output.querySelectorAll('img, svg')].some(image => image.tagName.toLowerCase() === 'svg'
        || (image.complete && image.naturalWidth > 0))).length"""


def test_an_untrusted_committed_notebook_renders_every_plot_of_its_file(page):
    shutil.copy(ROOT / "notebooks" / "01-tour.ipynb", page.root)
    plots = [index for index, output in outputs(page.root / "01-tour.ipynb")
             if any(mime.startswith("image/") for mime in output.get("data", {}))]
    assert plots, "01-tour.ipynb holds no image output"
    page.open("01-tour.ipynb")
    page.images_loaded()
    shown = page.js(PAGE_PLOTS)
    assert shown == len(plots), \
        f"the file holds {len(plots)} image outputs (cells {plots}), the page shows {shown}\n{page.report()}"


WATCH_PROGRESS = """window.finchBars = [];
new MutationObserver(() => {
    for (const bar of document.querySelectorAll('.jp-Notebook .finch-progress progress'))
        window.finchBars.push([bar.value, bar.max]);
}).observe(document.querySelector('.jp-Notebook'), {subtree: true, childList: true, attributes: true});"""

RUN_STATE = """const area = arguments[0].querySelector('.jp-OutputArea');
const bars = [...area.querySelectorAll('progress')];
return {
    'finished progress bars': bars.filter(bar => bar.value >= bar.max).length,
    'unfinished progress bars': bars.filter(bar => bar.value < bar.max).length,
    'tables': area.querySelectorAll('table').length,
    'plots of their own': [...area.querySelectorAll('.jp-OutputArea-output img')]
        .filter(image => image.complete && image.naturalWidth > 0).length,
};"""


def test_a_training_cell_shows_live_progress_then_its_table_and_plot(page):
    page.open(finch_notebook(page.root / "training.ipynb", SETUP, TRAINING))
    page.js(WATCH_PROGRESS)
    page.type_into(0, Keys.SHIFT, Keys.ENTER, Keys.NULL)
    page.until("the set-up cell to finish", lambda: page.prompt(0) == "[1]:")
    page.type_into(1, Keys.SHIFT, Keys.ENTER, Keys.NULL)
    page.until("the training cell to finish", lambda: page.prompt(1) == "[2]:", timeout=60)
    page.until("the run's table", lambda: page.cell(1).find_elements(By.CSS_SELECTOR, ".jp-OutputArea table"))
    page.images_loaded()
    live = [bar for bar in page.js("return window.finchBars") if bar[0] < bar[1]]
    assert live, f"no unfinished progress bar was seen while training\n{page.report()}"
    assert page.js(RUN_STATE, page.cell(1)) == {
        "finished progress bars": 1, "unfinished progress bars": 0, "tables": 1, "plots of their own": 1,
    }, page.report()


def test_tab_after_method_lists_the_training_methods(page):
    page.open(finch_notebook(page.root / "completion.ipynb", ""))
    page.type_into(0, "finetune net on fit method: ", Keys.TAB)
    items = page.until("the completer", lambda: [item.get_attribute("data-value") for item in
                                                 page.driver.find_elements(By.CSS_SELECTOR, ".jp-Completer-item")])
    assert {"full", "freeze", "probe", "lora"} <= set(items), f"the completer lists {items}\n{page.report()}"


# Finch code that also reads as Python up to the last line (its braces), so each token is clean.
HIGHLIGHT = """# a comment
losses = [2.31, 1.72, 42]
print "mean" mean(losses)
for epoch in 1..3 { print epoch }"""
TOKEN_STYLES = """const content = arguments[0].querySelector('.cm-content');
const style = element => ({classes: element.className, color: getComputedStyle(element).color});
const styles = {plain: style(content.querySelector('.cm-line'))};
for (const span of content.querySelectorAll('.cm-line span')) styles[span.textContent] = style(span);
return styles;"""
TOKENS = ["# a comment", '"mean"', "42", "for", "in"]


def token_styles(page):
    """Class and color of each token of TOKENS and of plain text in cell 0, once all are spans."""
    styles = page.js(TOKEN_STYLES, page.cell(0))
    return styles if set(TOKENS) <= styles.keys() else None


def test_the_editor_highlights_comments_strings_numbers_and_keywords(page, tmp_path):
    page.open(finch_notebook(page.root / "highlight.ipynb", ""))
    page.type_into(0, *HIGHLIGHT.replace("\n", Keys.ENTER))
    typed = page.cell(0).find_elements(By.CSS_SELECTOR, ".cm-line")
    assert "\n".join(line.text for line in typed) == HIGHLIGHT, page.report()
    styles = page.until(f"a span for each of {TOKENS}", lambda: token_styles(page))
    plain = styles["plain"]["color"]
    assert all(styles[token]["classes"] and styles[token]["color"] != plain for token in TOKENS), styles
    kinds = {styles[token]["color"] for token in TOKENS[:4]}
    assert len(kinds) == 4, f"comment, string, number and keyword share colors: {styles}"
    screenshot = tmp_path / "highlight.png"
    page.driver.save_screenshot(str(screenshot))
    assert screenshot.read_bytes().startswith(b"\x89PNG") and screenshot.stat().st_size > 1000
