answer=$(tr -d ' \n' < precision.txt)
if [ "$answer" = "0.8" ]; then
  echo "precision is right: 40 / 50 = 0.8"
else
  echo "precision.txt says $answer; precision is true positives / all flagged"
  exit 1
fi
