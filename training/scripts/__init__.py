"""The steps of the NER model's spaCy project (``training/project.yml``), one module per step.

``corpora`` (GermEval, SmartData, WikiANN → DocBins), ``vectors`` (floret), ``pretrain``
(``spacy pretrain`` of the tok2vec), ``train`` (one model, or the four runs of the shipped
model), ``assemble`` (the voting model), ``evaluate`` (dev scores and speed), ``meta`` (what a
model's meta.json records), ``paths`` (where the repository, config and code file are).
Each step module runs as a script (``python scripts/NAME.py …`` from ``training/``) and its
functions import as ``training.scripts.NAME`` from the repository root.
"""
