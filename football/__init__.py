"""The bottom layer: cup football's vocabulary, the validated season, natural keys, errors and query limits.

Every other package imports it; it imports none of them.
"""
