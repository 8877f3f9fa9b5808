await time.sleep(5000);
