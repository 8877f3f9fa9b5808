function down(n) { return 1 + down(n + 1); }
return down(1);
