"""Storage: SQLAlchemy models and the repository. The only place that opens a DB session."""
