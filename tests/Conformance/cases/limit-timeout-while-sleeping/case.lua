time.sleep(5000)
