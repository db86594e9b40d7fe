"""Sample dossiers: a seeded generator of realistic party dossiers, their expected results, and the scorer."""
