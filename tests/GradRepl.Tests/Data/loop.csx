print("looping");
while (true) { }
