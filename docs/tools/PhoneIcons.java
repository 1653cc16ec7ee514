import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Run from the repository root: java docs/tools/PhoneIcons.java src/main/resources/static/verification/icons
 * The phone app's icons: a white house with a tick on the app's red, drawn inside the maskable safe zone. */
public class PhoneIcons {
    public static void main(String[] args) throws Exception {
        for (int size : new int[] {192, 512}) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xb3261e));
            g.fillRect(0, 0, size, size);
            double u = size / 100.0;
            g.setColor(Color.WHITE);
            Path2D house = new Path2D.Double();
            house.moveTo(50 * u, 22 * u);
            house.lineTo(78 * u, 46 * u);
            house.lineTo(72 * u, 46 * u);
            house.lineTo(72 * u, 76 * u);
            house.lineTo(28 * u, 76 * u);
            house.lineTo(28 * u, 46 * u);
            house.lineTo(22 * u, 46 * u);
            house.closePath();
            g.fill(house);
            g.setColor(new Color(0xb3261e));
            g.setStroke(new BasicStroke((float) (7 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D tick = new Path2D.Double();
            tick.moveTo(37 * u, 58 * u);
            tick.lineTo(46 * u, 67 * u);
            tick.lineTo(63 * u, 49 * u);
            g.draw(tick);
            g.dispose();
            ImageIO.write(img, "png", new File(args[0], "icon-" + size + ".png"));
        }
    }
}
