"""Normalisation stage: entity mentions and numbers → canonical people, places, organisations, troop figures."""
