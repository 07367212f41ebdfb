"""The learner's screens: picker, new learner, lessons, player, end."""
