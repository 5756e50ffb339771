"""What an article says: names, places, dates, numbers, entities, the event and its facts."""
