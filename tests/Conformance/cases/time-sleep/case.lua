local before = time.now()
time.sleep(30)
return { waited = time.now() - before >= 30 }
