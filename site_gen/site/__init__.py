"""The public site: pages generated from the records, built with MkDocs Material."""
