"""`python -m pipeline` runs the Lagebild command line."""

from pipeline.cli import app

if __name__ == "__main__":
    app(prog_name="lagebild")
