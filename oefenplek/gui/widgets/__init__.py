"""Small reusable widgets: buttons with an icon and a word, tiles, dots, the SVG screen."""
