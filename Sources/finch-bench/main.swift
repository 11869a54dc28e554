print("finch-bench")
