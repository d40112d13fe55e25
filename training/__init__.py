"""Lagebild's training recipes (a source checkout only; not installed with the package).

``training/project.yml`` is the spaCy project of the NER model (``spacy project run all
training/``); ``training.scripts`` holds its steps and the functions they share.
"""
