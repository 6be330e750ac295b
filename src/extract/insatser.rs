//! Extractor for 000 (result tables) and 001 (appendix: förklaring and källa).
