"""The report: Markdown tables of the pages, the PDF load and each figure against its target."""

from bench.pages import TARGETS
from bench.pdf_load import (
    CPU_PARTIES,
    PDF_CLIENTS,
    PDF_LOAD_P99_MS,
    PDF_LOAD_PAGE,
    PDF_PATH,
    PDF_POOL_WORKERS,
)
from bench.servers import CELERY_CONCURRENCY


def report(results):
    lines = []
    for result in results:
        lines.append(f"\n### {result['pages']} pages\n")
        if result["runs"]:
            lines += report_pages(result)
        if "pdf_load" in result:
            lines += report_pdf_load(result["pdf_load"])
        lines += report_targets(result)
    return "\n".join(lines)


def ratios(numbers):
    """The page's requests per second and CPU per request against the ceiling's
    interleaved with it; None for one that was not measured (no request finished)."""
    ratio = numbers["rps"] / numbers["ceiling_rps"] if numbers["ceiling_rps"] else None
    cpu_ratio = numbers["ceiling_cpu_ms"] / numbers["cpu_ms"] if numbers["cpu_ms"] else None
    return ratio, cpu_ratio


def shown_ratio(value):
    return "not measured" if value is None else f"{value:.2f}"


def report_pages(result):
    lines = []
    lines.append(
        "| page | mode | req/s | p50 ms | p99 ms | ratio to ceiling "
        "| worker CPU ms/req | CPU ratio | SQL |"
    )
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for mode, run in result["runs"].items():
        for name, numbers in run.items():
            if name == "ceiling":
                continue
            ratio, cpu_ratio = ratios(numbers)
            queries = result["queries"].get(name, 0) if mode == "uncached" else 0
            lines.append(
                f"| {name} | {mode} | {numbers['rps']:.0f} | {numbers['p50']:.2f} "
                f"| {numbers['p99']:.2f} | {shown_ratio(ratio)} | {numbers['cpu_ms']:.2f} "
                f"| {shown_ratio(cpu_ratio)} | {queries} |"
            )
        ceiling = run["ceiling"]
        lines.append(f"| ceiling | {mode} | {ceiling['rps']:.0f} | | | 1.00 | | 1.00 | 0 |")
    missing = [name for name, count in result["queries"].items() if count is None]
    if missing:
        lines.append(f"\nNot measured (not found, no such view yet): {', '.join(missing)}.")
    lines.append("\n| page | HTML | HTML gzip | CSS gzip | CSS brotli | HTML+CSS compressed |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for name, size in result["sizes"].items():
        lines.append(
            f"| {name} | {size['html']} | {size['html_gzip']} | {size['css_gzip']} "
            f"| {size['css_br']} | {size['total_best']} |"
        )
    for mode in ("cached", "uncached"):
        rss = ", ".join(f"{value:.0f} MB" for value in result[f"rss_{mode}"])
        lines.append(f"\nWorker memory (RSS) after the {mode} run: {rss}.")
    return lines


def milliseconds(value):
    return "none finished" if value == float("inf") else f"{value:.2f}"


def during_p99(scenario):
    return scenario["canonical"]["during"]["p99"]


def median_run(runs):
    """The run whose /sv/ p99 under the PDF load is the median of the setup's runs."""
    return sorted(runs, key=during_p99)[len(runs) // 2]


def report_pdf_load(setups):
    def row(setup, what, numbers):
        return (
            f"| {setup} | {what} | {numbers['rps']:.1f} | {milliseconds(numbers['p50'])} "
            f"| {milliseconds(numbers['p99'])} | {numbers['errors']} "
            f"| {numbers.get('timeouts', 0)} |"
        )

    def answered(numbers):
        answers = numbers["answers"]
        return (
            f"{answers['pdf']} PDF (200), {answers['html']} printable page (200 HTML), "
            f"{answers['moved']} redirect (301), {answers['other']} other"
        )

    lines = [
        f"\nPDF load: a Celery worker ({CELERY_CONCURRENCY} processes) renders PDFs; "
        f"{PDF_CLIENTS} clients ask for {PDF_PATH}, then for {PDF_PATH}?n=<a new number "
        f"each time>, while {PDF_LOAD_PAGE} is measured cached; straight to the page pool "
        f"(direct), and through the front server (nginx, deploy/nginx/portal.conf.template) "
        f"with a PDF pool of {PDF_POOL_WORKERS} workers, in turns. Each run starts with no "
        "PDF stored. The run shown is each setup's median by the /sv/ p99 under the load.\n",
        "| setup | what | req/s | p50 ms | p99 ms | non-2xx/3xx | timeouts |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    notes, cpu_rows = [], []
    for setup, runs in setups.items():
        load = median_run(runs)
        canonical, query_string = load["canonical"], load["query_string"]
        lines += [
            row(setup, f"{PDF_LOAD_PAGE}, cached, alone", load["alone"]),
            row(setup, f"{PDF_LOAD_PAGE}, cached, during the PDF load", canonical["during"]),
            row(setup, f"PDF requests, {PDF_PATH}", canonical["pdf"]),
            row(setup, f"{PDF_LOAD_PAGE}, during the query-string load", query_string["during"]),
            row(setup, f"PDF requests, {PDF_PATH}?n=...", query_string["pdf"]),
        ]
        succeeded, failed = load["renders"]
        for run_number, run in enumerate(runs, 1):
            for what in ("canonical", "query_string"):
                if "wrk_output" in run[what]["pdf"]:
                    notes.append(
                        f"\n{setup}, run {run_number}, {what}: the PDF clients' wrk gave no "
                        f"figures: {run[what]['pdf']['wrk_output']}"
                    )
        every = ", ".join(milliseconds(during_p99(run)) for run in runs)
        notes += [
            f"\n{setup}: /sv/ p99 under the PDF load in each run: {every} ms. "
            f"{PDF_PATH} answered {answered(canonical['pdf'])}; "
            f"with ?n=... {answered(query_string['pdf'])}. "
            f"Renders by the worker: {succeeded} finished, {failed} failed.",
        ]
        cpu = canonical["cpu"]
        cpu_rows.append(
            f"| {setup} | "
            + " | ".join(f"{cpu[name]:.1f}" if name in cpu else "" for name in CPU_PARTIES)
            + " |"
        )
    lines += notes
    lines += [
        "\nCPU seconds spent during the PDF load at the canonical address (median run):\n",
        "| setup | " + " | ".join(CPU_PARTIES) + " |",
        "|---|" + "---:|" * len(CPU_PARTIES),
        *cpu_rows,
    ]
    return lines


def report_targets(result):
    lines = [
        f"\nAgainst the targets ({result['pages']} pages):\n",
        "| page | mode | ratio to ceiling | CPU ratio | target | met |",
        "|---|---|---:|---:|---:|---|",
    ]
    for (name, mode), target in TARGETS.items():
        numbers = result["runs"].get(mode, {}).get(name)
        if numbers is None:
            continue
        ratio, cpu_ratio = ratios(numbers)
        met = "not measured" if ratio is None else ("yes" if ratio >= target else "no")
        lines.append(
            f"| {name} | {mode} | {shown_ratio(ratio)} | {shown_ratio(cpu_ratio)} "
            f"| ≥ {target:.2f} | {met} |"
        )
    for setup, runs in result.get("pdf_load", {}).items():
        p99 = during_p99(median_run(runs))
        lines.append(
            f"| {PDF_LOAD_PAGE} during the PDF load ({setup}) | cached "
            f"| p99 (ms) {milliseconds(p99)} | | < {PDF_LOAD_P99_MS} ms "
            f"| {'yes' if p99 < PDF_LOAD_P99_MS else 'no'} |"
        )
    return lines
