print("first line");
print("value: " + 42);
console.log("ünïcode ✓");
