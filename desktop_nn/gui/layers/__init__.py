"""The Layer graph tab: chapter 5's layers over arrays, stepped forward and backward."""
