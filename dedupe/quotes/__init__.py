"""Quotations: extraction, speakers, links across outlets and how renderings differ."""
