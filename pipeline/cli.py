"""Command line: one typer app, one thin function per verb that calls its Python twin and prints."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline import __version__
from pipeline.ingest import DEFAULT_MAX_BYTES

app = typer.Typer(
    name="lagebild",
    help="Lagebild: German news articles in, normalised Parquet tables out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", help="spaCy model: package name (de_core_news_sm) or path; default: Lagebild's own."
    ),
]
OutOpt = Annotated[Path, typer.Option("--out", help="Output folder for the Parquet tables.")]


def _fail(exc: Exception, code: int = 1) -> typer.Exit:
    typer.secho(f"Error: {exc}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lagebild {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Lagebild: German news articles in, normalised Parquet tables out."""


@app.command()
def run(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files or folders; folders are read recursively (see --glob, --exclude)."),
    ],
    out: OutOpt = Path("data"),
    model: ModelOpt = None,
    tokens: Annotated[bool, typer.Option("--tokens", help="Also write the tokens table.")] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Worker processes (default: number of cores).")
    ] = None,
    engine: Annotated[str, typer.Option("--engine", help="local or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (with --engine dask).")
    ] = None,
    prune: Annotated[
        bool, typer.Option("--prune", help="Remove rows of files that no longer exist.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Largest file accepted, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    skip_non_german: Annotated[
        bool, typer.Option("--skip-non-german", help="Skip articles not detected as German.")
    ] = False,
    aliases: Annotated[
        Path | None, typer.Option("--aliases", help="Extra alias table (TSV) for people and organisations.")
    ] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal).")
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per committed batch.")
    ] = 64,
    claim_window: Annotated[
        int, typer.Option("--claim-window", min=0, help="Days between two reports of one claim (claims table).")
    ] = 365,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob", metavar="PATTERN",
            help="Read files in folders whose names match PATTERN (repeatable; default: *.txt and *.md).",
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude", metavar="PATTERN",
            help="Skip files and folders whose names match PATTERN (repeatable; a pattern with / matches "
            "the path below the input folder).",
        ),
    ] = None,
    default_excludes: Annotated[
        bool,
        typer.Option(
            "--default-excludes/--no-default-excludes",
            help="Skip README*, LICENSE*, CHANGES*, SOURCE*, INDEX*, dotfiles and other non-article names.",
        ),
    ] = True,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list the files and folders skipped by name.")
    ] = False,
) -> None:
    """Process article folders into Parquet tables in OUT (incremental: only new or changed files)."""
    import os

    from pipeline.ingest import InputPathError
    from pipeline.runner import run as run_pipeline

    try:
        summary = run_pipeline(
            [str(p) for p in paths], out, model, tokens=tokens, workers=workers or os.cpu_count(),
            engine=engine, scheduler=scheduler, prune=prune, max_bytes=max_bytes,
            skip_non_german=skip_non_german, aliases=aliases, batch_size=batch_size, progress=progress,
            claim_window=claim_window,
            glob=glob, exclude=exclude, default_excludes=default_excludes,
        )  # fmt: skip
    except InputPathError as exc:  # a usage error: nothing was run or written
        raise _fail(exc, code=2) from exc
    except Exception as exc:  # noqa: BLE001 - the run itself failed: say why, exit non-zero
        raise _fail(exc) from exc
    typer.echo(format_summary(summary, verbose=verbose))


def format_summary(summary, *, verbose: bool = False) -> str:  # noqa: ANN001 - RunSummary, imported lazily
    c = summary.counts
    labels = ", ".join(f"{k} {v}" for k, v in sorted(summary.entities_by_label.items())) or "none"
    errors = ", ".join(f"{k} {v}" for k, v in sorted(summary.errors_by_kind.items()))
    lines = [
        f"Lagebild run {summary.run_id} → {summary.out} (model {summary.model})",
        f"  files          {c['files']} (added {c['added']}, changed {c['changed']}, "
        f"unchanged {c['unchanged']}, duplicates {c['duplicates']}, pruned {c['pruned']})",
        f"  documents      {c['documents']}",
        f"  sentences      {c['sentences']}",
        f"  entities       {c['entities']} ({labels})",
        f"  numbers        {c['numbers']}",
        f"  troop figures  {c['troop_figures']}",
        f"  people         {c['people']}",
        f"  places         {c['places']}",
        f"  organisations  {c['organisations']}",
        f"  errors         {c['errors']}" + (f" ({errors})" if errors else ""),
        f"  excluded       {c['excluded']}" + (" (by name; --verbose lists them)" if c["excluded"] and not verbose else ""),
        *([f"    {item.path}  ({item.pattern})" for item in summary.excluded] if verbose else []),
        f"  seconds        {summary.seconds:.2f}",
        f"  words/s        {summary.words_per_second:,.0f}",
    ]
    return "\n".join(lines)


@app.command()
def stats(
    path: Annotated[Path, typer.Argument(help="Tables folder written by `lagebild run`.")] = Path("data"),
    top: Annotated[
        int, typer.Option("--top", min=1, help="How many people, places, organisations to list.")
    ] = 10,
) -> None:
    """Summarise a tables folder: rows, most named people/places/organisations, troop figures, errors, runs."""
    from pipeline.stats import format_stats
    from pipeline.stats import stats as summarise

    try:
        typer.echo(format_stats(summarise(path, top=top)), nl=False)
    except Exception as exc:  # noqa: BLE001
        raise _fail(exc) from exc


@app.command()
def report(
    data: Annotated[Path, typer.Argument(help="Tables folder written by `lagebild run`.")] = Path("data"),
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML file to write.")] = Path("report.html"),
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar (default: large folders on a terminal).")
    ] = None,
) -> None:
    """Write a self-contained HTML situation report (charts, map, claims, errors) that opens offline."""
    from pipeline.report import report as write_report

    try:
        path = write_report(data, out, progress=progress)
    except Exception as exc:  # noqa: BLE001
        raise _fail(exc) from exc
    typer.echo(f"Report: {path} ({path.stat().st_size / 1e6:.1f} MB)")


@app.command("eval-articles")
def eval_articles(
    directories: Annotated[
        list[Path], typer.Argument(help="Folders of NNN.txt articles with NNN.json gold files.")
    ],
    model: ModelOpt = None,
    aliases: Annotated[Path | None, typer.Option("--aliases", help="Extra alias table (TSV).")] = None,
    show_errors: Annotated[int, typer.Option("--show-errors", help="List up to N misses per kind.")] = 0,
) -> None:
    """Score the pipeline on gold-annotated articles: troop figures, people, places, organisations.

    With several folders, each is reported, then all of them together (micro-averaged)."""
    from pipeline.evaluate_articles import combine_reports, format_report
    from pipeline.evaluate_articles import eval_articles as evaluate

    reports = []
    for directory in directories:
        try:
            reports.append(evaluate(directory, model, aliases=aliases))
        except Exception as exc:  # noqa: BLE001
            raise _fail(exc) from exc
        if len(directories) > 1:
            typer.echo(f"== {directory}")
        typer.echo(format_report(reports[-1], show_errors=show_errors))
    if len(directories) > 1:
        typer.echo(f"== all {len(directories)} folders")
        typer.echo(format_report(combine_reports(reports)))


@app.command("evaluate-ner")
def evaluate_ner(
    path: Annotated[Path, typer.Argument(help="GermEval-format TSV file (gold tokenization).")],
    model: ModelOpt = None,
    stock: Annotated[
        bool,
        typer.Option("--stock/--no-stock", help="Also time spaCy's stock CPU NER on the same sentences (ratio)."),
    ] = True,
) -> None:
    """P/R/F1 per label and overall of a NER model on a GermEval 2014 file; words/s next to
    spaCy's stock CPU NER timed in the same run, and the ratio model / stock."""
    from pipeline.evaluate_ner import evaluate_ner as evaluate
    from pipeline.evaluate_ner import format_report

    try:
        result = evaluate(path, model, compare_stock=stock)
    except Exception as exc:  # noqa: BLE001
        raise _fail(exc) from exc
    typer.echo(format_report(result))


@app.command("evaluate-morph")
def evaluate_morph(
    paths: Annotated[list[Path], typer.Argument(help="CoNLL-U files (gold tokens, lemma, UPOS, STTS, features).")],
    model: ModelOpt = None,
) -> None:
    """Lemma, UPOS, STTS and Case accuracy of the linguistic layer on CoNLL-U files, and words/s."""
    from pipeline.evaluate_morph import evaluate_morph as evaluate
    from pipeline.evaluate_morph import format_report

    try:
        result = evaluate(paths, model)
    except Exception as exc:  # noqa: BLE001
        raise _fail(exc) from exc
    typer.echo(format_report(result))


TRAINING_PROJECT = Path(__file__).resolve().parents[1] / "training"


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def train(
    ctx: typer.Context,
    corpora: Annotated[
        Path | None,
        typer.Option("--corpora", help="Folder of the open corpora (default: the project's, ../shared/corpora)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for everything the recipe writes (default: training/work/repro)."),
    ] = None,
    step: Annotated[
        str, typer.Option("--step", help="A workflow or one command of training/project.yml.")
    ] = "all",
    force: Annotated[bool, typer.Option("--force", help="Rerun steps whose inputs did not change.")] = False,
    dry: Annotated[bool, typer.Option("--dry", help="Print the steps' commands, run nothing.")] = False,
) -> None:
    """Train Lagebild's NER model: runs the spaCy project training/project.yml (`spacy project run all
    training/`). Further --vars.NAME VALUE options set the project's vars; one model with the
    experiment options: `python training/scripts/train.py --single --help`."""
    import shlex
    import subprocess
    import sys

    if not (TRAINING_PROJECT / "project.yml").exists():
        raise _fail(
            FileNotFoundError(
                f"{TRAINING_PROJECT / 'project.yml'} not found: training needs a source checkout of Lagebild "
                "(git clone), then `spacy project run all training/`"
            ),
            code=2,
        )
    command = [sys.executable, "-m", "spacy", "project", "run", step, str(TRAINING_PROJECT)]
    command += ["--force"] * force + ["--dry"] * dry
    if corpora is not None:
        command += ["--vars.corpora", str(corpora.resolve())]
    if out is not None:
        command += ["--vars.out", str(out.resolve())]
    command += list(ctx.args)
    typer.echo("Running: python " + shlex.join(command[1:]))
    code = subprocess.run(command, check=False).returncode
    if code:
        raise typer.Exit(code=code)
    if not dry and step == "all":
        typer.echo(f"Model: {(out.resolve() if out is not None else TRAINING_PROJECT / 'work' / 'repro') / 'model-best'}")
