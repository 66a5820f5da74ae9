"""decompose"""
