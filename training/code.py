"""spaCy `--code` file for training: registers Lagebild's tokenizer callback and NER features."""

import pipeline.ner_features  # noqa: F401  (registers "lagebild.LexiconTok2Vec.v1")
import pipeline.tokenizer  # noqa: F401  (registers "lagebild.gender_forms.v1")
