"""Tests of encryption, handover files, the audit trail and team mode (PostgreSQL)."""
