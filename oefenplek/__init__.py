"""oefenplek: practise digital skills on simulated screens."""
