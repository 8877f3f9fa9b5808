print("first line")
print("value: " .. 42)
print("ünïcode ✓")
