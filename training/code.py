"""spaCy `--code` file for training: registers Lagebild's gender-form tokenizer callback."""

import pipeline.tokenizer  # noqa: F401  (registers "lagebild.gender_forms.v1")
