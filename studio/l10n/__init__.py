"""The words viewers read that are not author text: one vocabulary for the studio and the player.

The web player and the studio's Play story use the same message catalogue,
``resources/player/messages/<locale>.json`` (the player reads it from its own folder in a
bundle), so both say "Save it" / "Not now" / "Watch again" for the same things.
"""
