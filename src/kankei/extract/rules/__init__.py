"""The extraction rules, one module per slot; `kankei.extract.order` lists them in order."""
