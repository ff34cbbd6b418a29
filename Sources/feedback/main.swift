print("feedback")
