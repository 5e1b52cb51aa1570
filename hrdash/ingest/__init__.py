"""A file as users upload it → validated rows of each kind, or every problem that refuses it.
Nothing here touches the database."""
