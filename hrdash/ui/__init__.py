"""The Streamlit app's shared parts: the page registry, sign-in and the session, cached
figures, the sidebar's selectors and the pieces pages are made of. The page files themselves
are in pages/, the frame in app.py."""
